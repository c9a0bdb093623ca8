# kennisbank check --external: what the servers of external links answered.
# $status is an HTTP status with its reason phrase, e.g. "404 Not Found".

external-moved = `{ $url }` has moved permanently
    .label = moved to { $to }
    .help = the page moved to `{ $to }`: replace the URL with that address
external-gone = the page `{ $url }` does not exist ({ $status })
    .label = { $status }
    .help = fix the URL or remove it; if the page moved, link to its new address
external-gone-via = the address redirects to `{ $via }`, which does not exist: fix the URL or remove it; if the page moved, link to its new address
external-refused = the server refuses access to `{ $url }` ({ $status })
    .label = { $status }
    .help = open it in a browser: if it opens, the server only refuses link checkers and nothing needs to change; if it asks for a login, link to a public page instead
external-rate-limited = `{ $url }` was not checked: the server asks to slow down (429 Too Many Requests)
    .label = 429 Too Many Requests
    .help = try again later
external-retry-after = the server asked to wait { $seconds } s, longer than the check waits; try again later
external-status = { $kind ->
        [server] the server of `{ $url }` has a problem ({ $status })
       *[other] `{ $url }` answers { $status }
    }
    .label = { $status }
    .help = { $kind ->
        [server] this is often temporary: check again later; if it stays, look for another address of the page
       *[other] open it in a browser; fix or remove the URL if the page does not open
    }
external-timeout = `{ $url }` did not answer in time
    .label = no answer
    .help = the server may be slow or down: check again later
external-host-unknown = the host `{ $host }` of `{ $url }` does not exist
    .label = unknown host
    .help = check the spelling of the address; if the site is gone, remove the URL or link to an archived copy (web.archive.org)
external-unreachable = `{ $url }` cannot be reached: { $detail }
    .label = cannot connect
    .help = check again later; if the problem is the server's certificate, visitors get a warning too and another address is better
external-redirect = `{ $url }` cannot be followed: { $problem ->
        [too-many] more than { $max } redirects, the last to { $to }
        [not-an-address] a redirect to `{ $to }`, which is no address
       *[not-web] a redirect to `{ $to }`, which is not a web address
    }
    .label = broken redirect
    .help = open it in a browser and link to the address where the page ends up
external-skipped = `{ $url }` was not checked: `{ $host }` did not answer earlier in this run
    .label = not checked
    .help = check again later
external-invalid = `{ $url }` is not a valid web address: { $reason }
    .label = invalid address
    .help = write the whole address as the browser shows it, starting with https://
external-cache = { $problem ->
        [unreadable] the link cache `{ $path }` was ignored: it cannot be read: { $reason }
        [corrupt] the link cache `{ $path }` was ignored: it is not valid JSON of the expected shape: { $reason }
        [foreign] the link cache `{ $path }` was ignored: it was written by something else (format `{ $format }`, version { $version })
       *[unwritable] cannot write the link cache `{ $path }`: { $reason }
    }
    .help = { $problem ->
       *[unwritable] the next run checks every link again
        [unreadable] every link is checked again and the file is written anew; nothing needs to be done
        [corrupt] every link is checked again and the file is written anew; nothing needs to be done
        [foreign] every link is checked again and the file is written anew; nothing needs to be done
    }
external-offline = none of the { $hosts } hosts linked could be reached: is this computer offline?
    .help = connect to the internet and run `kennisbank check --external` again
external-summary = external links: { $addresses ->
        [one] 1 address
       *[other] { $addresses } addresses
    } at { $places ->
        [one] 1 place
       *[other] { $places } places
    }, { $cached } from the cache, { $checked } checked
