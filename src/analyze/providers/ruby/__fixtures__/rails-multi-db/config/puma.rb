threads 5, 5
bind "tcp://0.0.0.0:8000"
