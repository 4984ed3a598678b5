/** LIKE escape character `!`: a backslash is quoted differently by MySQL and SQLite, `!` reads the same in both. */
export function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, (char) => `!${char}`);
}
