"""Reading documents: text, PDF, HTML and corpus files into one table of raw documents."""
