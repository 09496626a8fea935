import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/translate';
import type { ConsoleBarText } from './console-bar';
import type { ConsoleScreenText } from './console-screen';

/** Everything a console block says in one language, for a Docker release it names. */
export interface ConsoleText {
  bar: ConsoleBarText;
  screen: ConsoleScreenText;
  verified: { text: string; note: string };
  notRun: { text: string; note: string };
}

// A page has dozens of blocks and a build thousands, all saying the same: worded once per language and release.
const worded = new Map<string, ConsoleText>();

export function consoleText(locale: Locale, dockerVersion: string): ConsoleText {
  const key = `${locale}\u0000${dockerVersion}`;
  let text = worded.get(key);
  if (!text) {
    text = wordConsole(locale, dockerVersion);
    worded.set(key, text);
  }
  return text;
}

function wordConsole(locale: Locale, version: string): ConsoleText {
  const t = useTranslations(locale);
  return {
    bar: {
      terminal: t('console.terminal'),
      tryIt: t('terminal.try'),
      tryLabel: t('terminal.tryLabel'),
      copy: t('console.copy'),
      copied: t('console.copied'),
      copyFailed: t('console.copyFailed'),
      copyLabel: t('console.copyLabel'),
    },
    screen: {
      omittedSome: t('console.omittedSome'),
      omitted: (count) => t('console.omitted', { count }),
      showOmitted: (count) => t('console.showOmitted', { count }),
      hideOmitted: (count) => t('console.hideOmitted', { count }),
    },
    verified: { text: t('console.verified', { version }), note: t('console.verifiedTitle', { version }) },
    notRun: { text: t('console.notRun'), note: t('console.notRunTitle') },
  };
}
