"""Publishing the corpus the Hugging Face way: the tables (configurations), the features derived
from the schema, the dataset card, the loading script, Croissant metadata and the Hub upload."""
