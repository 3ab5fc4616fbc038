/** The installed package's version, as package.json states it. */
export function packageVersion(): string {
  return (require('../package.json') as { version: string }).version;
}
