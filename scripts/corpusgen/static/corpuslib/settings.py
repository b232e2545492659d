"""Reads tests/corpus/corpus.ini."""
import configparser
import os

INI_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus.ini")


def load_settings():
    parser = configparser.ConfigParser()
    parser.read(INI_PATH)
    return parser
