/** `ip netns list`: a name, and `(id: N)` once this namespace has a netnsid for it (print_netns). */
export function formatIpNetns(namespaces: readonly { name: string; id: number | undefined }[]): string {
  return namespaces.map(({ name, id }) => `${name}${id === undefined ? '' : ` (id: ${id})`}\n`).join('');
}
