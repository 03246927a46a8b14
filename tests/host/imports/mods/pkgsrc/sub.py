VALUE = "from pkgsrc.sub"
