const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * fvbommel/sortorder NaturalLess, which docker/cli sorts names with: runs of
 * digits compare as numbers (`net2` before `net10`), digits sort before other
 * bytes, and with equal numbers the one with fewer leading zeros comes first.
 */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) !== isDigit(y)) return isDigit(x);
    if (!isDigit(x)) {
      if (x !== y) return x < y;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const startA = i;
    const startB = j;
    while (i < a.length && isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && isDigit(b.charCodeAt(j))) j++;
    if (i - startA !== j - startB) return i - startA < j - startB;
    const [numberA, numberB] = [a.slice(startA, i), b.slice(startB, j)];
    if (numberA !== numberB) return numberA < numberB;
    if (startA !== startB) return startA < startB;
  }
  return a.length < b.length;
}

export const naturalCompare = (a: string, b: string) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0);
