"""Everything that formats for people or machines: text, JSON, JUnit, GitHub, Markdown."""
