export const isUpper = (s: string) => s === s.toUpperCase();
export const isLower = (s: string) => s === s.toLowerCase();

/** `word` written in the case style of `like`: `ADD`→`COPY`, `add`→`copy`, `Add`→`Copy`. */
export function matchCase(word: string, like: string): string {
  if (isLower(like)) return word.toLowerCase();
  if (isUpper(like)) return word.toUpperCase();
  const capitalized = like[0] === like[0].toUpperCase() && isLower(like.slice(1));
  return capitalized ? word[0].toUpperCase() + word.slice(1).toLowerCase() : word.toUpperCase();
}
