"""Federation: forwarding reports to other complaint systems (Layani peers, SP4N-LAPOR!)."""
