"""Editor tools: the `loft` command (`cli`) and what it and the preview offer
editors: new items (`scaffold`), editor schemas (`schemas`), the web editor
(`cms`), the preview's error page (`preview`) and the link check (`links`).
May use every other part; nothing in `loft` depends on it.
"""
