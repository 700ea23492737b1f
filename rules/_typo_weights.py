"""Weights of TY's context layer: a logistic model over _typo_detector.features().

Written by tools/fit_typo_weights.py (958 slips, 876 suspects in clean documents of the dev half).
"""
BIAS = 0.1677
MEAN = {"abbreviation": 0.0065, "affix": 0.0267, "breaks_word": 0.0393, "dictionary_word": 0.0502, "digit": 0.0322, "fluency_after": -3.1691, "fluency_before": -3.8029, "fuzzy": 0.2383, "gain": 4.1415, "known_pair": 0.0016, "length": 1.7279, "log_freq": 3.7018, "parallel": 0.0780, "quoted": 0.0011, "real_word": 0.3451, "shape": 0.1210, "single": 0.2721, "twice": 0.0747, "two_changed": 0.3282, "unigram": -4.2957}
SCALE = {"abbreviation": 0.0806, "affix": 0.1613, "breaks_word": 0.1942, "dictionary_word": 0.2183, "digit": 0.1765, "fluency_after": 0.9586, "fluency_before": 1.1851, "fuzzy": 0.4260, "gain": 1.8670, "known_pair": 0.0404, "length": 0.4450, "log_freq": 0.6726, "parallel": 0.2681, "quoted": 0.0330, "real_word": 0.4754, "shape": 0.3262, "single": 0.4450, "twice": 0.2629, "two_changed": 0.4696, "unigram": 0.9094}
WEIGHTS = {"abbreviation": -0.2815, "affix": -0.3723, "breaks_word": 0.0543, "dictionary_word": -0.3539, "digit": -0.0771, "fluency_after": 0.8129, "fluency_before": -0.4772, "fuzzy": -0.3587, "gain": 0.9408, "known_pair": -0.1100, "length": 0.2189, "log_freq": 0.0217, "parallel": -0.1266, "quoted": -0.0729, "real_word": 0.0654, "shape": -0.1799, "single": -0.2189, "twice": -0.7041, "two_changed": -0.4639, "unigram": 0.3797}
