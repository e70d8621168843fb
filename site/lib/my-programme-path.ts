import { filePath, type Lang } from '../../content-models/routes.ts';

/**
 * Where a language's My programme data is published (lib/my-programme-data.ts writes it, the
 * offline worker keeps it once loaded, or saved with the programme). Its own module, so the
 * build's worker step need not load the calendar writer to know the path.
 * @example myProgrammeDataPath('en') // '/en/my-programme.json'
 */
export function myProgrammeDataPath(lang: Lang): string {
  return filePath(lang, 'my-programme.json');
}
