/**
 * Searching cases (see the migration Search1765238400000): a query's words, already folded, each
 * a literal substring of `instance_search.search_text` (`holds`), and found through the GIN index over
 * `phoihop_search_terms(search_text)`: every piece of 2 to SEARCH_TERM_MAX_LENGTH characters of
 * each word of the text. A word of the query (it has no space) occurs in the text exactly when it
 * is such a piece of one of its words, so the index answers exactly for words of 2 to 24
 * characters; a longer word is looked up by its first 24 characters (any piece of it is a piece of
 * the text's word), a one-letter word by `holds` alone.
 */

/** The longest piece of a word the index holds (phoihop_search_terms in the migration says the same). */
export const SEARCH_TERM_MAX_LENGTH = 24;

/**
 * SQL for "the text holds the word": `strpos(text, word) > 0`, the same as `text LIKE '%word%'` with
 * the word's `%` and `_` escaped (a literal substring), and about twice as fast on PostgreSQL
 * (LIKE's matcher backtracks at every character; strpos does not).
 */
export function holds(text: string, word: string): string {
  return `strpos(${text}, ${word}) > 0`;
}

/** The index entries a case holding every one of `words` must have: each word of 2 characters or more, cut to the longest piece indexed. */
export function searchTerms(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => w.length >= 2).map((w) => w.slice(0, SEARCH_TERM_MAX_LENGTH)))];
}

/** Newest search rows a search reads before it decides how common its words are. */
export const SEARCH_WINDOW = 3000;
/** Rows of that window holding the words from which on the words count as common. */
export const SEARCH_CANDIDATES = 60;

/**
 * SQL (one row, one column `held`) for "how many of the newest `window` search rows (aliased `w`)
 * hold the words" (`held`, over `w.search_text`), counted up to `candidates`.
 */
export function wordsHeld(held: string, window: string, candidates: string): string {
  return `SELECT count(*) AS held FROM (
      SELECT 1 FROM (SELECT search_text FROM instance_search ORDER BY created_at DESC, instance_id DESC LIMIT ${window}) w
       WHERE ${held} LIMIT ${candidates}) x`;
}

/**
 * Rows of that window holding the words under which an inbox search starts from the search index's
 * matches (fewer than 1 case in 200: up to 5,000 at a million cases, a lookup of open tasks each)
 * rather than from the caller's open tasks.
 */
export const INBOX_RARE = 15;

/** Open tasks an inbox page without words walks due first before it takes the caller's own from the access index. */
export const INBOX_WALK = 2000;

/**
 * A user's keys in `phoihop_task_access` (the migration SearchAccess1765324800000): their name, and
 * each membership's role in its unit and in any unit. They overlap a task's keys exactly when the
 * task is assigned to them, was completed by them, or names one of their memberships as a candidate.
 */
export function accessKeys(username: string, memberships: ReadonlyArray<{ role: string; unit: string }>): string[] {
  return [`u:${username}`, ...memberships.flatMap((m) => [`c:${m.role}|${m.unit}`, `c:${m.role}|*`])];
}

/** SQL: the keys of task `t` (its expression is the one both task access indexes hold). */
export const TASK_ACCESS = (t: string) => `phoihop_task_access(${t}.candidate_roles, ${t}.candidate_units, ${t}.assignee, ${t}.completed_by)`;

/**
 * Tasks found through the access index up to which a search uses them as a set (hashed, each row a
 * lookup); a user with more has so much to see that checking rows one by one finds a page soon.
 */
export const ACCESS_SET_MAX = 20_000;
