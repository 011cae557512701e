import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be called, or null. Only globally routable unicast passes: loopback,
 * RFC 1918 and unique-local, link-local (169.254.169.254, the cloud metadata service, among them),
 * unspecified, CGNAT, multicast, broadcast and the reserved and documentation ranges are refused. An
 * IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 */
export function addressProblem(address: string): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** The host of a URL as an IP literal (brackets of IPv6 removed), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

/** Why a URL cannot be a webhook's, before any name is resolved: syntax, scheme, credentials. */
export function urlSyntaxProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme "${url.protocol.replace(/:$/, '')}" is not allowed: use http or https`;
  if (!url.hostname) return 'has no host';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.hash) return 'must not have a fragment';
  return null;
}
