"""Weights of TY's context layer: a logistic model over _typo_detector.features().

Written by tools/fit_typo_weights.py (993 slips, 904 suspects in clean documents of the dev half).
"""
BIAS = 0.1703
MEAN = {"abbreviation": 0.0063, "affix": 0.0242, "breaks_word": 0.0390, "dictionary_word": 0.0501, "digit": 0.0316, "fluency_after": -3.1616, "fluency_before": -3.7901, "fuzzy": 0.2362, "gain": 4.1312, "known_pair": 0.0032, "lead": 2.4238, "length": 1.7248, "log_freq": 3.6952, "parallel": 0.0770, "quoted": 0.0011, "real_word": 0.3490, "shape": 0.1202, "single": 0.2752, "twice": 0.0754, "two_changed": 0.3274, "unigram": -4.2902}
SCALE = {"abbreviation": 0.0793, "affix": 0.1538, "breaks_word": 0.1936, "dictionary_word": 0.2181, "digit": 0.1750, "fluency_after": 0.9523, "fluency_before": 1.1749, "fuzzy": 0.4247, "gain": 1.8518, "known_pair": 0.0562, "lead": 3.2426, "length": 0.4466, "log_freq": 0.6698, "parallel": 0.2665, "quoted": 0.0325, "real_word": 0.4766, "shape": 0.3252, "single": 0.4466, "twice": 0.2640, "two_changed": 0.4692, "unigram": 0.9107}
WEIGHTS = {"abbreviation": -0.2779, "affix": -0.4277, "breaks_word": 0.0516, "dictionary_word": -0.3534, "digit": -0.0727, "fluency_after": 0.7930, "fluency_before": -0.4351, "fuzzy": -0.3676, "gain": 0.9414, "known_pair": -0.1721, "lead": 0.0377, "length": 0.2098, "log_freq": 0.0125, "parallel": -0.1225, "quoted": -0.0730, "real_word": 0.0519, "shape": -0.1940, "single": -0.2098, "twice": -0.6883, "two_changed": -0.4722, "unigram": 0.4004}
