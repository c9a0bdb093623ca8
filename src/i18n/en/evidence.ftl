# The evidence of a finding: kind, sectors, direction, who made a link, and the kinds of evidence
# in site.yaml.

unknown-evidence = unknown kind of evidence `{ $value }`
    .label = not a kind of evidence
missing-evidence = { $problem ->
        [source] none of the findings of this source says what kind of evidence it is
       *[finding] this finding does not say what kind of evidence it is
    }
    .label = { $problem ->
        [source] no `evidence` at the findings or the source
       *[finding] no `evidence` here or at the source
    }
    .help = { $problem ->
        [source] add `evidence:` at the top of the front matter, as the default for every finding: { $kinds }
       *[finding] add `evidence:` to the finding, or to the source as the default for all its findings: { $kinds }
    }
bad-direction = { $problem ->
        [list] `direction` is one word or one word per effect, not a list
        [group] `direction` is one word or one word per effect; this group holds something other than words
       *[word] unknown direction `{ $value }`
    }
    .label = not a direction
    .help = { $problem ->
        [word] a direction is `ondersteunt`, `gemengd` or `tegenstrijdig`
       *[other] write `direction: gemengd` for every effect of the finding, or `direction: {"{"}effect-key: tegenstrijdig{"}"}` per effect
    }
direction-effect = `{ $key }` is not one of the effects of this finding
    .label = not in `effects` or `added_effects`
    .help = { $effects ->
        [none] this finding has no effects: give it `effects` or `added_effects` first
       *[other] a direction belongs to an effect of the finding: { $effects }
    }
duplicate-link = { $problem ->
        [same] `{ $key }` is named twice in `{ $field }`
       *[both] `{ $key }` is in both `{ $earlier }` and `{ $field }`
    }
    .label = named again here
    .help = { $problem ->
        [same] remove the second one
       *[both] a link is the Platform's own (`{ $earlier }`) or added by the editors (`{ $field }`), not both: keep it in one list
    }
missing-evidence-kind = { $problem ->
        [none] site.yaml defines no kinds of evidence
       *[one] `evidence_kinds` lacks the kind `{ $key }`
    }
    .help = { $problem ->
        [none] add `evidence_kinds:` with a `key`, `label` and `definition` for each of { $kinds }; content/README.md shows them
       *[one] the rule for the strength of evidence weighs { $kinds }: add `- key: { $key }` with a label and a definition
    }
unknown-evidence-kind = the rule does not know the kind of evidence `{ $key }`
    .label = not a kind of evidence of the rule
    .help = the keys are fixed, because the rule for the strength of evidence weighs them: { $kinds }; change only labels and definitions

# What a hint like `valid …: a, b` lists.
keys-evidence = kinds of evidence
keys-direction = directions
keys-finding-effects = effects of this finding
