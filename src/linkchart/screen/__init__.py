"""Screening: hold the store's people and organisations against a sanctions or watch list.

`read.read_list` reads a list offline (OFAC's SDN CSV files, `ofac`, or FollowTheMoney JSON
lines as OpenSanctions publishes them, `ftm_list`) into `lists.ListEntry`s; `matcher` finds, by blocking on name keys,
which store names match which list names (scored by `linkchart.resolve.compare`);
`screening` stores the matches and turns them, with the analysts' verdicts, into badges.
"""
