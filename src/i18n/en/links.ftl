# Links in bodies and addresses in front matter: `[[…]]` references, Markdown links and images,
# and fields such as `url:`.

missing-reference-kind = this reference does not name its kind
    .label = no `kind:` before the key
    .help = a reference names its kind, then the key: `[[kind:key]]`, the kind being one of { $kinds }
empty-reference = this reference is empty
    .label = empty reference
    .help = put a reference in it, e.g. `[[bron:rug-2017]]`, or remove the brackets
unclosed-reference = this reference is not closed with `]]`
    .label = opened here
    .help = close the reference with `]]` in the same paragraph, without a Markdown link inside; to show `[[` itself, write `\[[`
unclosed-comment = this comment is not closed with `-->`
    .label = opened here
    .help = without `-->` the rest of the text would disappear, so the comment is shown instead; close it with `-->`
unsafe-url = { $where ->
        [image] an image with `{ $scheme }:` is not allowed
        [field] an address with `{ $scheme }:` is not allowed
       *[link] a link with `{ $scheme }:` is not allowed
    }
    .label = not allowed
    .help = links and addresses may only point at `https://` or `http://` addresses, `mailto:`, `tel:` or pages of this site; other kinds, such as `javascript:` and `data:`, can run code for whoever clicks them{ $where ->
        [image] ; an image may also be a PNG, JPEG, GIF, WebP or AVIF as `data:image/…`
       *[other] {""}
    }
relative-url = `{ $url }` is not a full address
    .label = not a full address
    .help = start an address with `https://` (or `http://`, `mailto:`, `tel:`), or with `/` for a page of this site
unknown-file = { $problem ->
        [outside] this link points at a file outside content/
       *[missing] no page comes from `content/{ $path }`
    }
    .label = no page
    .help = a link to a file in content/, such as `../bronnen/rug-2017.md`, becomes a link to that file's page; the path counts from this file's folder
unknown-anchor = the page `{ $page }` has no anchor `#{ $anchor }`
    .label = unknown anchor
    .help = the anchors of a page are the ids of its headings, findings, conditions, practice quotes and fixed sections such as `#bevindingen`
broken-link = { $problem ->
        [outside] this link goes above the root of the site
       *[missing] the site has no page or file `/{ $path }`
    }
    .label = does not exist
    .help = a link to a page of this site is its address without the domain, e.g. `/bronnen/rug-2017/`; a reference such as `[[bron:rug-2017]]` cannot break when an address changes
