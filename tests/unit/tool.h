/*
 * tool — external programs some unit tests read their output back with
 * (pdftotext, pdfinfo, pdfunite, python3). A missing one fails the test
 * that needs it, naming it; a developer may set RAMME_TEST_ALLOW_MISSING=1
 * to skip such checks instead, never under CI=true (docs/testing.md).
 * Include after <cmocka.h>.
 */
#ifndef RAMME_TOOL_H
#define RAMME_TOOL_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether missing tools are skipped instead of failing. */
static inline bool
tool_allow_missing(void)
{
	const char	*allow = getenv("RAMME_TEST_ALLOW_MISSING");
	const char	*ci = getenv("CI");

	return allow != NULL && strcmp(allow, "1") == 0 &&
	    (ci == NULL || strcmp(ci, "true") != 0);
}

/* Whether tool is on the PATH. */
static inline bool
tool_present(const char *tool)
{
	char	cmd[128];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/*
 * Inside a test: true when tool is on the PATH; false, with a note, when
 * it is missing and missing tools are allowed; otherwise the test fails
 * naming the tool and its Debian package.
 */
static inline bool
tool_need(const char *tool, const char *package)
{
	if (tool_present(tool))
		return true;
	if (!tool_allow_missing())
		fail_msg("missing: %s (Debian package %s; scripts/bootstrap "
		    "--test installs it)", tool, package);
	fprintf(stderr, "# %s missing: its checks skipped\n", tool);
	return false;
}

#endif
