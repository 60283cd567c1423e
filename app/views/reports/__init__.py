"""报表's pages: the station's reports and 报送, and the township's list of submitted reports."""
