"""The on-disk format: canonical CBOR, the container framing, interface directories.

spec/FORMAT.md is normative. Layers, bottom up:

* ``cbor``        the data model and its canonical encoding; strict decoding
* ``fingerprint`` BLAKE2b-128, the one hash used everywhere
* ``header``      pydantic models of the container header (also the JSON Schema)
* ``container``   framing, lazy validated reading, atomic writing; FORMAT_VERSION
* ``layout``      where files live inside ``<outdir>/Data/Queue.hidir/``
"""
