"""Views of 积分超市: the goods and stock page and the redemption counter."""
