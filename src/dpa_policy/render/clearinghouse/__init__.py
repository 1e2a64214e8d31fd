"""The parents' data sharing clearinghouse (``dpa-policy publish``): which agreements are
published and the page model built from them (:mod:`.page`), the plain words it is written in
(:mod:`.words`), and the HTML page and JSON feed (:mod:`.html`, ``templates/``)."""
