// What a stated cell says, as words to match: lower case, curly quotes straight, spaces single, and the full
// stop or colon at the end dropped ("Green.", "On target:").

export function normaliseWords(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[.!:;]+$/, "");
}
