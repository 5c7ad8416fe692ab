"""Screening: hold the store's people and organisations against a sanctions or watch list.

`lists` reads a list offline (OFAC's SDN CSV files, or FollowTheMoney JSON lines as
OpenSanctions publishes them) into `ListEntry`s; `matcher` finds, by blocking on name keys,
which store names match which list names (scored by `linkchart.resolve.compare`);
`screening` stores the matches and turns them, with the analysts' verdicts, into badges.
"""
