"""Writes shared/data/digits-8x8.ts from the 8x8 handwritten digits that Debian's python3-sklearn ships.

Run with: /usr/bin/python3 scripts/make-digits.py
The data: "Optical Recognition of Handwritten Digits", E. Alpaydin and C. Kaynak (1998), UCI Machine
Learning Repository, CC BY 4.0; scikit-learn's copy (sklearn.datasets.load_digits), 1,797 images.
"""
import pathlib

from sklearn.datasets import load_digits

digits = load_digits()
# One base-17 character per pixel (0-16), 64 per image, row by row; one character per label.
alphabet = "0123456789abcdefg"
pixels = "".join(alphabet[int(value)] for value in digits.data.reshape(-1))
labels = "".join(str(int(label)) for label in digits.target)
assert len(pixels) == 1797 * 64 and len(labels) == 1797


def chunks(text, size=96):
    return [text[start : start + size] for start in range(0, len(text), size)]


lines = [
    "/**",
    " * The 8×8 handwritten digits: 1,797 images, 64 pixels each with ink from 0 to 16, and their labels.",
    ' * Source: "Optical Recognition of Handwritten Digits", E. Alpaydin and C. Kaynak (1998), UCI Machine',
    " * Learning Repository, licensed CC BY 4.0; copied from scikit-learn's load_digits() by",
    " * scripts/make-digits.py. Generated: do not edit. Reads nothing.",
    " */",
    "",
    "/** Each pixel as one base-17 character, `0`–`g`, image after image, row by row. */",
    "export const digitPixels = [",
]
# An array joined, not a chain of `+`: a thousand nested additions overflow parsers' stacks.
lines += [f"  '{chunk}'," for chunk in chunks(pixels)]
lines += ["].join('');", "", "/** Each image's digit, one character per image. */", "export const digitLabels = ["]
lines += [f"  '{chunk}'," for chunk in chunks(labels)]
lines += ["].join('');"]
out = pathlib.Path(__file__).resolve().parent.parent / "shared" / "data" / "digits-8x8.ts"
out.write_text("\n".join(lines) + "\n")
print("wrote", out, len(pixels), "pixels")
