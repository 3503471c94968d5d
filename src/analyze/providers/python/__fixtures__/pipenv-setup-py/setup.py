from setuptools import setup

setup(
    name="guestlist",
    install_requires=["bottle>=0.12", "pymongo"],
    python_requires=">=3.8",
)
