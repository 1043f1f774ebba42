"""The assistant scaled out on one machine: PostgreSQL, Redis, several Rasa and action servers behind HAProxy.

`make cluster` runs `python -m cluster up`; docs/scaling.md explains the layout. Each module has one concern:
settings (names, ports, environment), debian (where the servers' binaries are), passwords, service (one
process), postgres, redis_server, haproxy, assistant (Rasa replicas and action servers), monitor, supervisor.
"""
