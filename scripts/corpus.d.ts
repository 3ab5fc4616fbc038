/** The corpus directory: PLIMSOLL_CORPUS, or ../shared/corpus/files beside the project. */
export const corpusDir: string;
/** Every file under `dir`, sorted by path; [] when the corpus is absent. */
export function corpusFiles(dir?: string): string[];
