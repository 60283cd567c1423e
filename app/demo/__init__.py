"""Demo stations: synthetic but realistic data for trying the app, screenshots and benchmarks.

Not part of a real station's work; kept out of app/services so the services hold only
what a station does."""
