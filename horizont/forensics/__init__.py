"""Election forensics engine (no Django): read polling-station results, run the tests."""
