import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDockerfileName } from '../cli/discover';

/** Language ids editors give Dockerfiles. */
const LANGUAGE_IDS = new Set(['dockerfile', 'containerfile']);

/** The last path segment of a URI, decoded. */
export function uriBasename(uri: string): string {
  const p = uri.replace(/[?#].*$/, '');
  const last = p.slice(p.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Whether a document is linted: its language is `dockerfile`, or its name is a Dockerfile's
 * (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile*`), as the CLI
 * recognises them when searching a directory.
 */
export function isDockerfileDocument(languageId: string, uri: string): boolean {
  return LANGUAGE_IDS.has(languageId.toLowerCase()) || isDockerfileName(uriBasename(uri));
}

/**
 * The build context's ignore file for a `file:` document, as the CLI reads it: BuildKit prefers
 * `<Dockerfile name>.dockerignore` beside the Dockerfile, then `.dockerignore`.
 */
export async function readDockerignore(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  for (const candidate of [`${file}.dockerignore`, path.join(path.dirname(file), '.dockerignore')]) {
    try {
      return await fs.readFile(candidate, 'utf8');
    } catch {
      // absent or unreadable: try the next, then lint without one
    }
  }
  return undefined;
}
