/*
 * ramme — what JavaScript adds (loaded as a file: the Content-Security-
 * Policy allows no inline script). Every page works without it.
 *
 * On a phone the "Menu" link in the header folds the main menu open and
 * shut; without JavaScript it is a link to the menu, shown stacked.
 */
"use strict";
(function () {
	var b = document.querySelector(".ramme-menu-open");
	var m = document.getElementById("menu");

	document.documentElement.classList.add("js");
	if (!b || !m)
		return;
	b.setAttribute("role", "button");
	b.setAttribute("aria-expanded", "false");
	b.addEventListener("click", function (e) {
		var open = m.classList.toggle("open");

		e.preventDefault();
		b.setAttribute("aria-expanded", open ? "true" : "false");
	});
})();
