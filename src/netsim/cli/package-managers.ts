/** The package managers netsim runs, by the package that provides them in an image: Debian's apt, Alpine's apk. */
const PACKAGE_MANAGERS: Readonly<Record<string, readonly string[]>> = { apt: ['apt', 'apt-get'], 'apk-tools': ['apk'] };

export function isPackageManager(tool: string, provider: string): boolean {
  return Object.hasOwn(PACKAGE_MANAGERS, provider) && PACKAGE_MANAGERS[provider]!.includes(tool);
}
