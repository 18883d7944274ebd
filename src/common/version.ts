/**
 * The version of this etransfer, as package.json says: one source for `--version`, the server's
 * greeting and `etransfer status`. Read at run time (from src/common or dist/common alike, the
 * package root is two folders up), so an installed package can never report another.
 */
import { createRequire } from 'node:module';

export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
