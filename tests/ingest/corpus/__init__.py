"""The test corpus: contracts written for this project (paraphrased, never copied from a
published template), each as document blocks plus the value of every term a perfect importer
would write. ``make_corpus.py`` renders them as real PDF, DOCX and HTML files."""
