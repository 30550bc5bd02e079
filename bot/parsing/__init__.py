"""Dutch free-text parsing: numbers, frequencies, codes, medicines, taxa and conversational signals."""
