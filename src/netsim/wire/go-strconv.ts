/**
 * Go's strconv.ParseBool (strconv/atob.go): the texts Docker's daemon, its CLI's
 * flags and Compose accept as booleans; anything else is a syntax error (undefined).
 */
export function parseGoBool(text: string): boolean | undefined {
  switch (text) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
    default:
      return undefined;
  }
}
