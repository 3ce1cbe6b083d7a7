/*
 * cli — the ramme command line: one executable with subcommands.
 *
 * Each command is a function taking the arguments after its name; it
 * prints what it did and returns the process exit code: 0 success,
 * 1 failure, 2 bad usage or bad input.
 */
#ifndef RAMME_CLI_H
#define RAMME_CLI_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct db;
struct err;
struct seal_key;
struct svc;

struct cli_cmd {
	const char	*name;		/* "init", "user", ... */
	const char	*summary;	/* one line for `ramme help` */
	const char	*usage;		/* synopsis and options for `ramme help CMD` */
	int		(*run)(int argc, char **argv);
};

/* Options common to the commands. */
struct cli_opts {
	const char	*db;		/* --db PATH (default $RAMME_DB or var/ramme.db) */
	int		 npos;		/* positional arguments */
	char		*pos[8];
};

/*
 * Parse argv: --db and the options named in spec ("--demo", "--port=",
 * a trailing '=' meaning the option takes a value; values are returned
 * through vals in spec order, flags as "1"). Unknown options are an
 * error. Returns 0, or 2 after printing a usage message.
 */
int	cli_parse(int argc, char **argv, const char *const *spec,
	    const char **vals, struct cli_opts *o, const char *cmd);
/*
 * Open the database at path and bring its schema up to date.
 * Prints the error and returns non-zero on failure.
 */
int	cli_db_open(const char *path, struct db **out);
/* Print e as "ramme: message" (with the line for file errors). */
void	cli_print_err(const struct err *e);
/* Exit code for an error code: 2 for bad input, 1 otherwise. */
int	cli_exit_code(int code);
/*
 * Open the database at path (as cli_db_open()), an arena a and a service
 * context s acting as the system (no user), at the current time. 0, or 1
 * after printing the error. Undo with cli_session_end().
 */
int	cli_session_begin(const char *path, struct db **db, struct arena *a,
	    struct svc *s);
void	cli_session_end(struct db *db, struct arena *a);
/* Print e (cli_print_err()) and return its exit code (cli_exit_code()). */
int	cli_fail(const struct err *e);
/*
 * The path of the key file of the TOTP secrets of the database at
 * dbpath: given (--key-file), else $RAMME_KEY_FILE, else for a SQLite
 * database <dbpath>.key (written into buf of size bytes; *is_default
 * set). NULL when there is none (PostgreSQL without either).
 */
const char *cli_key_path(const char *dbpath, const char *given, char *buf,
	    size_t size, bool *is_default);
/*
 * The key file that seals the TOTP secrets (util/seal) of the database
 * at dbpath: given (--key-file), else $RAMME_KEY_FILE, else for a SQLite
 * database the file <dbpath>.key beside it, made with mode 0600 when it
 * is missing and the database holds no sealed secret yet. Its key goes
 * into key and s->key points at it; then every secret still stored
 * plain is sealed (service/twofactor: twofactor_seal_all), which prints
 * a line when it sealed some. s->key stays NULL, returning 0, when
 * there is no key file to use (PostgreSQL without --key-file); on an
 * error too, which is in e: a key file that is missing (given, or the
 * default while seals exist), not 32 bytes, readable by others, or that
 * does not open the stored seals ("totp_wrong_key").
 */
int	cli_totp_key(struct svc *s, const char *dbpath, const char *given,
	    struct seal_key *key, struct err *e);

/* The commands, defined in cmd_*.c. */
int	cmd_init(int argc, char **argv);
int	cmd_migrate(int argc, char **argv);
int	cmd_backup(int argc, char **argv);
int	cmd_restore(int argc, char **argv);
int	cmd_serve(int argc, char **argv);
int	cmd_routes(int argc, char **argv);
int	cmd_user(int argc, char **argv);
int	cmd_import(int argc, char **argv);
int	cmd_export(int argc, char **argv);
int	cmd_calc(int argc, char **argv);
int	cmd_meeting(int argc, char **argv);
int	cmd_round(int argc, char **argv);
int	cmd_takeover(int argc, char **argv);
int	cmd_startup(int argc, char **argv);
int	cmd_cycle(int argc, char **argv);
int	cmd_indmelding(int argc, char **argv);
int	cmd_expenditure(int argc, char **argv);
int	cmd_pl(int argc, char **argv);
int	cmd_mail(int argc, char **argv);
int	cmd_retention(int argc, char **argv);
int	cmd_person(int argc, char **argv);

extern const struct cli_cmd cli_cmds[];

#endif
