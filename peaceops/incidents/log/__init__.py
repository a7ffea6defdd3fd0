"""The incident log: entry and correction, status workflow, the list, the map and the exports."""
