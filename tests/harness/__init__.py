"""Reusable test harness: a stand-in Bot Connector, local OpenID/JWKS, Teams-shaped activities
and a helper that runs the real aiohttp app on a free loopback port."""
