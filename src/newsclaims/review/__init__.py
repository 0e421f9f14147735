"""Looking at extractions: a review page per article (``show``) and a corpus overview (``report``)."""
