"""Which client a request comes from, as rate limits count clients."""

import ipaddress

IPV6_CLIENT_PREFIX = 64


def client_network(address: str) -> str:
    """The address a limit counts: an IPv4 address, or an IPv6 address's /64.

    One household, phone or small office is handed a whole /64 and can pick any
    address in it, so counting single IPv6 addresses would not limit anyone.
    """
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_CLIENT_PREFIX), strict=False))
    return str(ip)
