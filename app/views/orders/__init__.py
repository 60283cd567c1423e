"""Views of 服务点单 (四单): the orders page, its dialogs and the order panel."""
