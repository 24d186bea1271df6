"""congxa: cổng thông tin điện tử cho xã, phường."""
