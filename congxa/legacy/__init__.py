"""Import a commune's old portal (saved pages, sitemaps, feeds, WXR) into congxa."""
