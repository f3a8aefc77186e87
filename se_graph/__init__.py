"""se-graph: prove that every untested SMETS1 EPCL entry traces to a tested one."""

__version__ = "0.1.0"
