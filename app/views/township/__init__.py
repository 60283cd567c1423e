"""The township (乡镇实践所) areas of the main window: 站点, 导入, 配置下发."""
