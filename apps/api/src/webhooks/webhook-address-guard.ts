import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP, LookupFunction } from 'node:net';

/**
 * Addresses a webhook may never reach: this host, private networks, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast and reserved ranges, and their IPv6 counterparts. IPv4
 * mapped or translated into IPv6 is refused as a whole, since it would smuggle any of the above through.
 */
const FORBIDDEN = new BlockList();
/** Kept apart: BlockList matches every IPv4 address against `::ffff:0:0/96`, but only IPv6 spellings are meant. */
const IPV4_MAPPED = new BlockList();
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/** True for an IP literal in a range no webhook may reach. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) return IPV4_MAPPED.check(address, 'ipv6') || FORBIDDEN.check(address, 'ipv6');
  return FORBIDDEN.check(address, 'ipv4');
}

export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a private or reserved address`);
  }
}

/** Every address the name resolves to, as the operating system resolves it (hosts file included). */
export function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/** Null when every address of the name may be reached, else the first forbidden one. */
export function firstForbidden(addresses: LookupAddress[]): string | null {
  return addresses.find((entry) => isForbiddenAddress(entry.address))?.address ?? null;
}

/**
 * A `lookup` for http.request: resolves once, refuses the connection when any address is forbidden,
 * and hands the socket exactly the addresses it checked (no second resolution a rebinding DNS could
 * answer differently).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        const forbidden = allowPrivate ? null : firstForbidden(addresses);
        if (forbidden) return callback(new ForbiddenAddressError(hostname, forbidden), '', 4);
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
        const matching = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        const wanted = matching.length ? matching : addresses;
        if (options.all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, wanted);
        const [first] = wanted;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}
