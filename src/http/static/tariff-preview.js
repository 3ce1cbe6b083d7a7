/*
 * tariff-preview — the tariff as you type: on a form holding a live
 * region [data-preview] (the line form of a submission, the calculator),
 * show only the fields of the chosen unit, and after each change post the
 * form to the region's URL and show the tariff and warnings the server
 * computes (HTML it escaped). Without JavaScript the form shows every
 * unit's fields and "Gem og beregn" / "Beregn takst" answers the same.
 */
"use strict";
(function () {
	var region = document.querySelector("[data-preview]");
	var form = region ? region.closest("form") : null;
	var timer = null, seq = 0;

	if (!form)
		return;

	function unit() {
		var r = form.querySelector("input[name=unit]:checked");

		return r ? r.value : "";
	}

	function showUnit() {
		var sets = form.querySelectorAll("fieldset[data-unit]");
		var u = unit(), i;

		for (i = 0; i < sets.length; i++)
			sets[i].hidden = sets[i].getAttribute("data-unit") !== u;
	}

	function preview() {
		var body = new URLSearchParams(new FormData(form));
		var mine = ++seq;

		region.setAttribute("aria-busy", "true");
		fetch(region.getAttribute("data-preview"), {
			method: "POST",
			credentials: "same-origin",
			headers: { "Accept": "application/json" },
			body: body
		}).then(function (res) {
			return res.json();
		}).then(function (j) {
			if (mine !== seq)
				return;
			region.innerHTML = j.html || "";
			region.removeAttribute("aria-busy");
		}).catch(function () {
			region.removeAttribute("aria-busy");
		});
	}

	function changed(e) {
		if (e.target && e.target.name === "unit")
			showUnit();
		if (timer)
			clearTimeout(timer);
		timer = setTimeout(preview, 300);
	}

	showUnit();
	form.addEventListener("input", changed);
	form.addEventListener("change", changed);
})();
